// The help goal documents every user-settable parameter of batch, with its property and default.
String buildLog = new File(basedir, 'build.log').text
File descriptor = new File(basedir, '../../classes/META-INF/maven/plugin.xml')
def plugin = new groovy.xml.XmlSlurper().parse(descriptor)
def batch = plugin.mojos.mojo.find { it.goal.text() == 'batch' }
def params = batch.parameters.parameter.findAll { it.editable.text() == 'true' }.collect { it.name.text() }
assert params.containsAll(['skip', 'force', 'refresh', 'checkpointPath', 'failOnError', 'includes', 'excludes',
    'dryRun', 'provider', 'baseUrl', 'model', 'serverId', 'requestTimeout', 'requestTotalTimeout', 'maxRetries',
    'contextTokens', 'tokenBudget', 'language'])
params.each { p ->
    assert buildLog =~ /(?m)^(\[INFO\])?\s+${p}(\s+\(Default: [^)]*\))?\s*$/ : "help does not list ${p}"
    assert buildLog.contains("User property: reverse-spec.${p}") : "help does not give the property of ${p}"
}
batch.parameters.parameter.findAll { it.editable.text() == 'true' }.each {
    assert it.description.text().trim().length() > 10 : "parameter ${it.name.text()} has no real description"
}
assert buildLog.contains('reverse-spec:batch')
assert !new File(basedir, 'specs').exists()
return true
