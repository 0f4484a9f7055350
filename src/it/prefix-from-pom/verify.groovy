def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
checks.assertSpec(new File(basedir, 'specs/org.pp.greet.spec.md'), 'prefix-from-pom', 'org.pp.greet')
// Maven found the prefix in the pom: Maven 3.9 says so as "from repository null", Maven 4 as "from
// POM"; through the plugin group's metadata (how help-goal resolves it) it names the repository.
def resolved = buildLog.findAll(/Resolved plugin prefix reverse-spec to \S+ from .*/)
assert !resolved.isEmpty() : 'the prefix was not resolved'
resolved.each { assert it.contains('reverse-spec-maven-plugin from POM') || it.endsWith(' from repository null') : it }
checks.assertOnlySpecsWritten(basedir)
return true
