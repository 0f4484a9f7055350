def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
Map report = checks.driftReport(basedir)
def p1 = report.findings.find { it.unit == 'checkpublic:org.c.p1' }
assert p1.kind == 'interface' && p1.severity == 'error' : p1
assert p1.names == ['Alpha#isEmpty'] : p1.names
assert p1.detail.contains('added Alpha#isEmpty')
assert p1.spec == 'specs/org.c.p1.spec.md'
def p2 = report.findings.find { it.unit == 'checkpublic:org.c.p2' }
assert p2.kind == 'dependency' && p2.severity == 'warning' : p2
assert report.totals == [units: 2, errors: 1, warnings: 1]
def failure = checks.junitCase(report, 'checkpublic:org.c.p1').getElementsByTagName('failure').item(0)
assert failure.getAttribute('type') == 'interface'
assert failure.textContent.contains('Alpha#isEmpty')
assert checks.junitCase(report, 'checkpublic:org.c.p2').getElementsByTagName('system-out').item(0).textContent.contains('dependency')
// the build failed, naming the unit and what to run
assert buildLog.contains('reverse-spec check: checkpublic:org.c.p1 (specs/org.c.p1.spec.md): interface')
assert buildLog.contains('The specs no longer hold: 1 error(s) in 1 unit(s) (checkpublic:org.c.p1)')
assert buildLog.contains('Run `mvn reverse-spec:batch -Dreverse-spec.refresh=stale`')
assert buildLog.contains('BUILD FAILURE')
return true
