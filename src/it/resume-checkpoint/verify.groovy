def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
assert new File(basedir, 'specs/org.r.p1.spec.md').text.contains('WRITTEN BY THE INTERRUPTED RUN') : 'a finished unit was redone'
checks.assertSpec(new File(basedir, 'specs/org.r.p2.spec.md'), 'resume', 'org.r.p2')
assert buildLog.contains('Resuming from specs/.reverse-spec-checkpoint.json')
assert buildLog.contains('resume:org.r.p1: already done by the interrupted run (resumed)')
assert buildLog.contains('Processing resume:org.r.p2...')
def summary = checks.summary(basedir)
assert summary.units.find { it.unit == 'resume:org.r.p1' }.status == 'resumed'
assert summary.units.find { it.unit == 'resume:org.r.p2' }.status == 'written-ast'
assert !new File(basedir, 'specs/.reverse-spec-checkpoint.json').exists() : 'checkpoint kept after a clean run'
checks.assertOnlySpecsWritten(basedir)
return true
