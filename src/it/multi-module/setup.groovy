evaluate(new File(basedir, '../../../src/it/common/SpecChecks.groovy')).snapshot(basedir)
return true
