def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
checks.assertSpec(new File(basedir, 'specs/m1/org.lb.one.spec.md'), 'lb-m1', 'org.lb.one')
checks.assertSpec(new File(basedir, 'specs/m2/org.lb.two.spec.md'), 'lb-m2', 'org.lb.two')
int runs = buildLog.findAll(/reverse-spec: \d+ unit\(s\)/).size()
assert runs == 1 : "the batch ran ${runs} times"
assert buildLog.findAll(/already ran for this reactor/).size() == 2
assert !new File(basedir, 'm1/specs').exists() && !new File(basedir, 'm2/specs').exists()
checks.assertOnlySpecsWritten(basedir)
return true
