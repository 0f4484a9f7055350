def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
Map report = checks.driftReport(basedir)
assert report.findings.size() == 1 : report.findings
def f = report.findings[0]
assert f.unit == 'checkprivate:org.c.p1' && f.kind == 'implementation' && f.severity == 'warning' : f
assert report.totals == [units: 2, errors: 0, warnings: 1]
def c = checks.junitCase(report, 'checkprivate:org.c.p1')
assert c.getElementsByTagName('failure').length == 0
assert c.getElementsByTagName('system-out').item(0).textContent.contains('warning implementation')
assert buildLog.contains('reverse-spec check: 2 unit(s), 0 failing: 0 error(s), 1 warning(s)')
assert !buildLog.contains('BUILD FAILURE')
return true
