// The ITs' side of the shared fake model endpoint, io.github.reversespec.testing.FakeModelServer
// (src/test/java; the invoker puts the test class path on the scripts' class path, addTestClassPath
// in the pom). setup.groovy starts it in the invoker's JVM (the build runs in a forked Maven, so the
// server answers it), verify.groovy stops it:
//   def fake = evaluate(new File(basedir, '../../../src/it/common/fake-model.groovy'))
//   fake.start(basedir, 'openai')   // writes .mvn/maven.config pointing the build at it
//   fake.start(basedir, 'openai', markdown)   // the same, every request answered with markdown
//   fake.startLocal(basedir)        // the same, as a local server (Ollama) is configured: base URL only
//   String requests = fake.stop(basedir)   // every request: method and path, headers, body, '----'
// The fake answers each request with its nine sections in the provider's shape (told by the path),
// reporting 100 prompt and 50 completion tokens.
import io.github.reversespec.testing.FakeModelServer

class FakeModel {
    /** Starts the fake and points the IT build at it (provider, baseUrl and model in .mvn/maven.config). */
    void start(File basedir, String provider) {
        start(basedir, provider, FakeModelServer.NINE_SECTIONS)
    }

    /** As {@link #start(File, String)}, every request answered with {@code markdown}. */
    void start(File basedir, String provider, String markdown) {
        String base = serve(basedir, provider, markdown)
        config(basedir, "-Dreverse-spec.provider=${provider}\n-Dreverse-spec.baseUrl=${base}\n-Dreverse-spec.model=fake-model\n")
    }

    /**
     * Starts the fake and passes only its OpenAI-compatible base URL (it has a free port, so it
     * cannot be in invoker.properties): the provider is found from the URL, the model comes from the
     * IT's own command line, as with a local server in the README.
     */
    void startLocal(File basedir) {
        config(basedir, "-Dreverse-spec.baseUrl=${serve(basedir, 'openai', FakeModelServer.NINE_SECTIONS)}\n")
    }

    private static void config(File basedir, String options) {
        new File(basedir, '.mvn').mkdirs()
        new File(basedir, '.mvn/maven.config').text = options
    }

    /** Starts the server, its request log beside the IT's folder; returns its base URL. */
    private static String serve(File basedir, String provider, String markdown) {
        def server = new FakeModelServer({ int n -> FakeModelServer.answer(markdown) } as java.util.function.IntFunction)
                .logTo(requests(basedir).toPath())
        // Kept between the setup and the verify script, which may not share a class loader: verify
        // calls it by name only.
        System.properties.put(key(basedir), server)
        return server.baseUrl(provider == 'anthropic' ? '' : '/v1')
    }

    /** Stops the fake; returns what it received (requests with headers and bodies). */
    String stop(File basedir) {
        def server = System.properties.remove(key(basedir))
        server?.close()
        return requests(basedir).text
    }

    private static String key(File basedir) { 'fake-model.' + basedir.name }

    private static File requests(File basedir) { new File(basedir.parentFile, basedir.name + '-requests.log') }
}
new FakeModel()
