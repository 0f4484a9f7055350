import java.security.MessageDigest
// The interrupted run: p1's spec is on disk and the checkpoint says it is done; p2 failed.
File p1 = new File(basedir, 'src/main/java/org/r/p1/Alpha.java')
MessageDigest sha = MessageDigest.getInstance('SHA-256')
sha.update('src/main/java/org/r/p1/Alpha.java'.getBytes('UTF-8'))
sha.update((byte) 0)
sha.update(p1.bytes)
sha.update((byte) 0)
String hash = 'sha256:' + sha.digest().encodeHex().toString()
new File(basedir, 'specs').mkdirs()
new File(basedir, 'specs/org.r.p1.spec.md').text = """---
type: module-spec
module: resume
package: org.r.p1
status: ast-only
model: none
sourceHash: ${hash}
generator: reverse-spec-maven-plugin/0.0.1
relatedFiles: ["src/main/java/org/r/p1/Alpha.java"]
---
# org.r.p1 (resume)
## 1. Intent
WRITTEN BY THE INTERRUPTED RUN
"""
new File(basedir, 'specs/.reverse-spec-checkpoint.json').text = """{
  "format" : "reverse-spec-checkpoint",
  "version" : 1,
  "generator" : "reverse-spec-maven-plugin/0.0.1",
  "units" : {
    "it.reversespec:resume|org.r.p1" : { "unit" : "resume:org.r.p1", "status" : "written-ast", "sourceHash" : "${hash}" },
    "it.reversespec:resume|org.r.p2" : { "unit" : "resume:org.r.p2", "status" : "failed", "error" : "disk full" }
  }
}
"""
evaluate(new File(basedir, '../../../src/it/common/spec-checks.groovy')).snapshot(basedir)
return true
