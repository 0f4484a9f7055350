evaluate(new File(basedir, '../../../src/it/common/fake-model.groovy')).start(basedir, 'openai')
evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy')).snapshot(basedir)
return true
