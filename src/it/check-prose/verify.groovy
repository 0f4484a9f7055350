def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
def fake = evaluate(new File(basedir, '../../../src/it/common/fake-model.groovy'))
fake.stop(basedir)
String buildLog = new File(basedir, 'build.log').text

// written: the invention marked where it stands and listed, the real names left alone
String spec = new File(basedir, 'specs/org.c.p1.spec.md').text
assert spec.contains('proseNames: ["Alpha#size()", "Alpha#count()", "Alpha#reset()"]') : spec.readLines().take(20).join('\n')
assert spec.contains('unresolvedNames: ["Alpha#reset()"]')
assert spec.contains('`Alpha#reset()` _(not found in the code)_')
assert spec.contains('`Alpha#size()` gives')
assert new File(basedir, 'specs/_batch-summary.md').text.contains('names 6 code element(s); 4 exist in the code (existence ratio 66.7%)')

// checked after count() went: both packages' prose named it; the invention is not reported again
Map report = checks.driftReport(basedir)
['checkprose:org.c.p1', 'checkprose:org.c.p2'].each { unit ->
    def prose = report.findings.find { it.unit == unit && it.kind == 'prose' }
    assert prose != null : report.findings
    assert prose.severity == 'error' && prose.names == ['Alpha#count()'] : prose
    assert checks.junitCase(report, unit).getElementsByTagName('failure').length > 0
}
assert buildLog.contains('the prose names code that no longer exists: Alpha#count()')
assert buildLog.contains('BUILD FAILURE')
assert !buildLog.contains('sk-it-prose-KEY-MUST-NOT-LEAK-51d2e0')
return true
