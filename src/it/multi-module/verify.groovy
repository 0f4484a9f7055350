def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text

def spec = { String path -> new File(basedir, 'specs/' + path) }
checks.assertSpec(spec('core/com.acme.core.base.spec.md'), 'acme-core', 'com.acme.core.base')
checks.assertSpec(spec('core/com.acme.core.a.spec.md'), 'acme-core', 'com.acme.core.a')
checks.assertSpec(spec('core/com.acme.core.b.spec.md'), 'acme-core', 'com.acme.core.b')
checks.assertSpec(spec('core/com.acme.shared.spec.md'), 'acme-core', 'com.acme.shared')
checks.assertSpec(spec('app/com.acme.shared.spec.md'), 'acme-app', 'com.acme.shared')
def appFm = checks.assertSpec(spec('app/com.acme.app.spec.md'), 'acme-app', 'com.acme.app')
assert appFm.relatedFiles == ['app/src/main/java/com/acme/app/Main.java']
// The same package in two projects is two units; the app uses its own
assert appFm.dependsOn.contains('acme-app:com.acme.shared')
assert !appFm.dependsOn.contains('acme-core:com.acme.shared')

// Order: base before the a<->b cycle, the cycle as one block, the app after it
def summary = checks.summary(basedir)
List<String> order = summary.units.collect { it.unit }
assert order.size() == 6
int base = order.indexOf('acme-core:com.acme.core.base')
int a = order.indexOf('acme-core:com.acme.core.a')
int b = order.indexOf('acme-core:com.acme.core.b')
int app = order.indexOf('acme-app:com.acme.app')
assert base < a && base < b
assert Math.abs(a - b) == 1 : 'cycle members are not one block'
assert app > a && app > b
assert summary.units.find { it.unit == 'acme-core:com.acme.core.a' }.level == summary.units.find { it.unit == 'acme-core:com.acme.core.b' }.level

// Cross-module links resolve
String appSpec = spec('app/com.acme.app.spec.md').text
assert appSpec.contains('](../core/com.acme.core.a.spec.md)')
assert checks.section(spec('core/com.acme.core.a.spec.md'), 8).contains('AccountFlowTest')
assert checks.section(spec('core/com.acme.core.a.spec.md'), 9).toLowerCase().contains('cycle')

String index = spec('_index.spec.md').text
['core/com.acme.core.a.spec.md', 'core/com.acme.core.b.spec.md', 'core/com.acme.core.base.spec.md',
 'app/com.acme.app.spec.md', 'app/com.acme.shared.spec.md', 'core/com.acme.shared.spec.md'].each {
    assert index.contains("](${it})") : "index lacks ${it}"
    assert new File(basedir, 'specs/' + it).isFile()
}
assert index.contains('jackson-databind')
assert index.contains('```mermaid')
// the a<->b cycle with the import that closes it, linked from specs/ to its line
String cycles = index.substring(index.indexOf('\n## Dependency cycles\n'), index.indexOf('\n## ', index.indexOf('\n## Dependency cycles\n') + 5))
assert cycles.contains('1 cycle between packages (')
assert cycles.contains('1. `acme-core`, 2 packages: ')
assert cycles =~ /Closed by `com\.acme\.core\.[ab]` → `com\.acme\.core\.[ab]` at \[`core\/src\/main\/java\/com\/acme\/core\/[ab]\/(Account|Ledger)\.java:3`]\(\.\.\/core\/src\/main\/java\/com\/acme\/core\/[ab]\/(Account|Ledger)\.java#L3\)/
// the app's code uses the core it declares
assert index.contains('## Module dependencies no code uses\n\nNone:')
// a package diagram per module of two packages or more, and every unit in the A-Z list
assert index.contains('p_com_acme_core_a --> p_com_acme_core_b') || index.contains('p_com_acme_core_b --> p_com_acme_core_a')
String az = index.substring(index.indexOf('\n## Packages A–Z\n'))
assert az.contains('| [`com.acme.shared`](app/com.acme.shared.spec.md) | `acme-app` |')
assert az.contains('| [`com.acme.shared`](core/com.acme.shared.spec.md) | `acme-core` |')
assert az.indexOf('com.acme.app.spec.md') < az.indexOf('com.acme.core.a.spec.md')
assert buildLog.contains('[6/6] ')

// llms.txt: named after the root project, one section per module with specs (not the parent),
// each spec linked once relative to specs/, the same package of two modules under each
String llms = spec('llms.txt').text
assert llms.startsWith('# acme-parent\n\n> ')
assert !llms.contains('## acme-parent') : 'the parent has no Java packages, so no section'
['core/com.acme.core.a.spec.md', 'core/com.acme.core.b.spec.md', 'core/com.acme.core.base.spec.md',
 'core/com.acme.shared.spec.md', 'app/com.acme.app.spec.md', 'app/com.acme.shared.spec.md'].each {
    assert llms.count("](${it})") == 1 : "llms.txt links ${it} other than once"
    String before = llms.substring(0, llms.indexOf("](${it})"))
    String section = before.substring(before.lastIndexOf('\n## ') + 1, before.indexOf('\n', before.lastIndexOf('\n## ') + 1))
    assert section == (it.startsWith('core/') ? '## acme-core (core)' : '## acme-app (app)') : "${it} under ${section}"
}
checks.assertOnlySpecsWritten(basedir)
return true
