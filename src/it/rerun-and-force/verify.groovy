def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
checks.assertSpec(new File(basedir, 'specs/org.r.p1.spec.md'), 'rerun', 'org.r.p1')
checks.assertSpec(new File(basedir, 'specs/org.r.p2.spec.md'), 'rerun', 'org.r.p2')
def summary = checks.summary(basedir)
// The forced run regenerated both units and found them byte-identical: nothing rewritten
assert summary.refresh == 'all'
assert summary.units*.status == ['unchanged', 'unchanged'] : summary.units*.status
assert buildLog.contains('rerun:org.r.p2: unchanged (ast-only)')
checks.assertOnlySpecsWritten(basedir)
return true
