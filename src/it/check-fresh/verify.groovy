def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
Map report = checks.driftReport(basedir)
assert report.findings == [] : report.findings
assert report.totals == [units: 2, errors: 0, warnings: 0]
['checkfresh:org.c.p1', 'checkfresh:org.c.p2'].each { unit ->
    def c = checks.junitCase(report, unit)
    assert c.getElementsByTagName('failure').length == 0
}
assert new File(basedir, 'drift-logs/drift-report.md').text.contains('Every spec holds: no drift found.')
assert buildLog.contains('reverse-spec check: 2 unit(s), 0 failing: 0 error(s), 0 warning(s)')
checks.assertOnlySpecsWritten(basedir)
return true
