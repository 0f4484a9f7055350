def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
Map report = checks.driftReport(basedir)
def orphan = report.findings.find { it.kind == 'orphan' }
assert orphan.unit == 'checkmoved:org.c.p2' && orphan.spec == 'specs/org.c.p2.spec.md' && orphan.severity == 'error' : orphan
def missing = report.findings.find { it.kind == 'missing' }
assert missing.unit == 'checkmoved:org.c.p3' && missing.spec == 'specs/org.c.p3.spec.md' && missing.severity == 'error' : missing
assert report.totals.units == 3 && report.totals.errors == 2 : report.totals
assert checks.junitCase(report, 'checkmoved:org.c.p2').getElementsByTagName('failure').item(0).getAttribute('type') == 'orphan'
assert checks.junitCase(report, 'checkmoved:org.c.p3').getElementsByTagName('failure').item(0).getAttribute('type') == 'missing'
assert buildLog.contains('The specs no longer hold: 2 error(s) in 2 unit(s)')
assert buildLog.contains('and delete the orphaned ones')
// the check only reads specs: the orphan is still there
assert new File(basedir, 'specs/org.c.p2.spec.md').isFile()
return true
