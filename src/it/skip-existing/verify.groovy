def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
File p1 = new File(basedir, 'specs/org.r.p1.spec.md')
assert p1.text.contains('HAND-WRITTEN MARKER') : 'an existing spec was overwritten without force'
checks.assertSpec(new File(basedir, 'specs/org.r.p2.spec.md'), 'skipex', 'org.r.p2')
assert buildLog.contains('skipex:org.r.p1: skipped (spec exists; refresh=missing)')
def summary = checks.summary(basedir)
assert summary.units.find { it.unit == 'skipex:org.r.p1' }.status == 'skipped'
assert summary.units.find { it.unit == 'skipex:org.r.p2' }.status == 'written-ast'
// The kept spec is stale (its sourceHash does not match): the run says how to refresh it
assert summary.staleSpecs == 1
assert buildLog.contains('-Dreverse-spec.refresh=stale')
// The index lists specs skipped in this run too
assert new File(basedir, 'specs/_index.spec.md').text.contains('](org.r.p1.spec.md)')
checks.assertOnlySpecsWritten(basedir)
return true
