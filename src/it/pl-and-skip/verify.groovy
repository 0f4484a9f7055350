def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
// the invoker appends each invocation's output to build.log (after the setup script's lines);
// Maven starts each one with this line
List<String> runs = (buildLog.split(/(?m)^\[INFO\] Scanning for projects\.\.\./) as List).drop(1)
assert runs.size() == 3 : "expected three builds in build.log, found ${runs.size()}"

// 1. -pl m2: only m2's unit was processed, but the whole reactor was analysed as its context
assert runs[0].contains('[1/1] Processing pl-m2:org.lb.two...')
assert runs[0].contains('[1/1] pl-m2:org.lb.two: written (ast-only)')
assert !runs[0].contains('Processing pl-m1') : '-pl was not honoured'
assert runs[0].contains('2 package unit(s), 1 selected')

// 2. the full forced run: m1 written, m2 regenerated and found byte-identical to the -pl spec
assert runs[1].contains('pl-m1:org.lb.one: written (ast-only)')
assert runs[1].contains('pl-m2:org.lb.two: unchanged (ast-only)') : 'the -pl spec differs from the full run\'s'
File two = new File(basedir, 'specs/m2/org.lb.two.spec.md')
checks.assertSpec(two, 'pl-m2', 'org.lb.two')
checks.assertSpec(new File(basedir, 'specs/m1/org.lb.one.spec.md'), 'pl-m1', 'org.lb.one')
String dependencies = checks.section(two, 9)
assert dependencies.contains('**Used by** (1):') && dependencies.contains('pl-m1:org.lb.one') : dependencies
def summary = checks.summary(basedir)
assert summary.units*.unit == ['pl-m2:org.lb.two', 'pl-m1:org.lb.one']
assert summary.units*.status == ['unchanged', 'written-ast']

// 3. skip does nothing at all
assert runs[2].contains('reverse-spec: skipped (reverse-spec.skip=true).')
checks.assertOnlySpecsWritten(basedir)
return true
