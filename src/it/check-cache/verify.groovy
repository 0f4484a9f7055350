def checks = evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy'))
String buildLog = new File(basedir, 'build.log').text
File cache = new File(basedir, 'specs/.reverse-spec/cache')

// the batch parsed all three files and kept their facts
assert buildLog.contains('(3 file(s) parsed, 0 from the cache)') : 'the first run found a cache'
// the first check trusted no corrupt entry: it parsed the files again and still passed
assert buildLog.contains('(3 file(s) parsed, 0 from the cache; 3 cache entries unreadable, rebuilt)')
// the second check parsed nothing
assert buildLog.contains('(0 file(s) parsed, 3 from the cache)')
assert buildLog.count('reverse-spec check: 2 unit(s), 0 failing: 0 error(s), 0 warning(s)') == 2
assert !buildLog.contains('BUILD FAILURE')

List<File> entries = []
cache.eachFileRecurse { if (it.isFile()) entries << it }
assert entries.size() == 3 : entries
assert entries.every { !it.name.startsWith('.tmp-') } : 'the killed run\'s temporary file was left'
// whole Smile entries again (":)" and a newline open every one), each naming the cache's format
assert entries.every { it.name.endsWith('.smile') && it.bytes.length > 50 && new String(it.bytes, 0, 3, 'ISO-8859-1') == ':)\n' }
assert entries.every { new String(it.bytes, 'ISO-8859-1').contains('reverse-spec-fact-cache') }

Map report = checks.driftReport(basedir)
assert report.findings == [] : report.findings
// (antrun writes target/antrun: what the plugin writes is checked by check-fresh)
return true
