String buildLog = new File(basedir, 'build.log').text
assert buildLog.contains("reverse-spec.checkpointPath '../escaped-checkpoint.json'")
assert buildLog.contains('outside specs/ and drift-logs/')
assert !new File(basedir, 'specs').exists() : 'work was done before the bad setting was refused'
assert !new File(basedir, '../escaped-checkpoint.json').exists()
assert !buildLog.contains('Processing ')
return true
