def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
File log = new File(basedir, 'build.log')
String buildLog = log.text

File model = new File(basedir, 'specs/com.example.shop.model.spec.md')
File util = new File(basedir, 'specs/com.example.shop.util.spec.md')
File service = new File(basedir, 'specs/com.example.shop.service.spec.md')
def fm = checks.assertSpec(model, 'shop', 'com.example.shop.model')
checks.assertSpec(util, 'shop', 'com.example.shop.util')
def sfm = checks.assertSpec(service, 'shop', 'com.example.shop.service')
assert fm.model == 'none'
assert fm.relatedFiles.contains('src/main/java/com/example/shop/model/Order.java')

// Intent from package-info; every public type with its exact signature
assert checks.section(model, 1).contains('The shop\'s data: orders and their states.')
String api = checks.section(model, 2)
assert api.contains('public record Order(String id, String customer, List<String> items, Status status)')
assert api.contains('public enum Status')
assert api.contains('public Order withStatus(Status next)')
assert checks.section(service, 2).contains('public Order cancel(String id) throws IOException')
assert checks.section(service, 2).contains('protected BigDecimal total(BigDecimal a, BigDecimal b)')
// Data structures, constraints, errors, debt, tests, dependencies come from the code
assert checks.section(model, 4).contains('CANCELLED')
assert checks.section(service, 6).contains('IllegalStateException')
assert checks.section(service, 7).contains('persist cancellations')
assert checks.section(util, 7).contains('addDoubles')
assert checks.section(service, 8).contains('OrderServiceTest')
String deps = checks.section(service, 9)
assert deps.contains('com.example.shop.model') && deps.contains('com.example.shop.util')
assert deps.contains('```mermaid')
assert sfm.dependsOn.containsAll(['shop:com.example.shop.model', 'shop:com.example.shop.util'])

// Bottom-up: the service comes after the packages it uses
def summary = checks.summary(basedir)
List<String> order = summary.units.collect { it.unit }
assert order.indexOf('shop:com.example.shop.service') > order.indexOf('shop:com.example.shop.model')
assert order.indexOf('shop:com.example.shop.service') > order.indexOf('shop:com.example.shop.util')
assert summary.totalModules == 3
assert summary.units.every { it.status == 'written-ast' }
assert summary.failed.isEmpty()

// Index links every spec, relative to specs/
String index = new File(basedir, 'specs/_index.spec.md').text
['com.example.shop.model', 'com.example.shop.util', 'com.example.shop.service'].each {
    assert index.contains("](${it}.spec.md)") : "index lacks a link to ${it}"
}
// one counter: a unit's number on its Processing line and its outcome line; service depends on the
// other two, so it starts last
assert buildLog.contains('[3/3] Processing shop:com.example.shop.service...')
assert buildLog =~ /\[1\/3\] Processing shop:com\.example\.shop\.(model|util)\.\.\./
assert buildLog.contains('[3/3] shop:com.example.shop.service: written (ast-only)')
['model', 'util', 'service'].each { pkg ->
    def started = (buildLog =~ /\[(\d)\/3\] Processing shop:com\.example\.shop\.${pkg}\.\.\./)
    def ended = (buildLog =~ /\[(\d)\/3\] shop:com\.example\.shop\.${pkg}: written/)
    assert started.find() && ended.find() && started.group(1) == ended.group(1) : "two numbers for ${pkg}"
}
assert buildLog =~ /reverse-spec: 3 unit\(s\): 3 written \(ast-only\); \d+\.\d s/

// llms.txt for coding agents, next to the index: every spec linked once, relative to specs/
String llms = new File(basedir, 'specs/llms.txt').text
assert llms.startsWith('# ')
assert llms.contains('\n> ')
assert llms.contains('- [Architecture index](_index.spec.md)')
['com.example.shop.model', 'com.example.shop.util', 'com.example.shop.service'].each {
    assert llms.count("](${it}.spec.md)") == 1 : "llms.txt lacks a link to ${it}"
}
assert !new File(basedir, 'specs/.reverse-spec-checkpoint.json').exists() : 'checkpoint not removed'
checks.assertOnlySpecsWritten(basedir)
return true
