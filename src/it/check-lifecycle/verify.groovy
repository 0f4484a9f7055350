def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
Map report = checks.driftReport(basedir)
assert report.findings == [] : report.findings
assert report.totals == [units: 2, errors: 0, warnings: 0]
checks.junitCase(report, 'cl-m1:org.cl.one')
checks.junitCase(report, 'cl-m2:org.cl.two')
int runs = buildLog.findAll(/reverse-spec check: \d+ unit\(s\)/).size()
assert runs == 1 : "the check ran ${runs} times"
assert buildLog =~ /reverse-spec:[^:]+:check \(default\) @ cl-parent/
assert buildLog.findAll(/check already ran for this reactor/).size() == 2
assert !new File(basedir, 'm1/drift-logs').exists() && !new File(basedir, 'm2/drift-logs').exists()
checks.assertOnlySpecsWritten(basedir)
return true
