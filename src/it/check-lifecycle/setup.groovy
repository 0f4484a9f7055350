evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy')).snapshot(basedir)
return true
