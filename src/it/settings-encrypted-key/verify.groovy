def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String requests = evaluate(new File(basedir, '../../../src/it/common/fake-model.groovy')).stop(basedir)
String buildLog = new File(basedir, 'build.log').text
String key = 'sk-it-encrypted-KEY-MUST-NOT-LEAK-9d8e'
checks.assertModelRun(basedir, 'settings-encrypted-key', key, requests)
// The key came from the encrypted <server> named by serverId, and was sent decrypted
assert buildLog.contains("key from settings.xml server 'my-model'")
assert requests.contains('Bearer ' + key)
assert buildLog.contains('[DEBUG]')
return true
