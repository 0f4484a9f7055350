def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
checks.assertSpec(new File(basedir, 'specs/m2/org.lb.two.spec.md'), 'pl-m2', 'org.lb.two')
assert !new File(basedir, 'specs/m1').exists() : '-pl was not honoured'
assert buildLog.contains('reverse-spec: skipped (reverse-spec.skip=true).')
def summary = checks.summary(basedir)
assert summary.units*.unit == ['pl-m2:org.lb.two']
checks.assertOnlySpecsWritten(basedir)
return true
