// An in-process model endpoint for the ITs, started by setup.groovy in the invoker's JVM (the
// build runs in a forked Maven, so the server answers it) and stopped by verify.groovy.
//   def fake = evaluate(new File(basedir, '../../../src/it/common/fake-model.groovy'))
//   fake.start(basedir, 'openai')   // writes .mvn/maven.config pointing the build at it
//   fake.startLocal(basedir)        // the same, as a local server (Ollama) is configured: base URL only
import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpHandler
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonOutput

class FakeModel {
    static final String ANSWER = '''## 1. Intent
Model-written intent for the package.

## 2. Public Interface
How callers use it.

## 3. Behavior
What happens, step by step.

## 4. Data Structures
The records matter.

## 5. Constraints
Invariants hold.

## 6. Edge Cases and Errors
Failures are reported.

## 7. Technical Debt
Some.

## 8. Test Coverage
Partial.

## 9. Dependencies
A few.
'''

    String key(File basedir) { basedir.name }

    /** Starts the fake and points the IT build at it (provider, baseUrl and model in .mvn/maven.config). */
    void start(File basedir, String provider) {
        String base = serve(basedir, provider)
        config(basedir, "-Dreverse-spec.provider=${provider}\n-Dreverse-spec.baseUrl=${base}\n-Dreverse-spec.model=fake-model\n")
    }

    /**
     * Starts an OpenAI-compatible fake and passes only its base URL (it has a free port, so it cannot
     * be in invoker.properties): the provider is found from the URL, the model comes from the IT's
     * own command line, as with a local server in the README.
     */
    void startLocal(File basedir) {
        config(basedir, "-Dreverse-spec.baseUrl=${serve(basedir, 'openai')}\n")
    }

    private static void config(File basedir, String options) {
        new File(basedir, '.mvn').mkdirs()
        new File(basedir, '.mvn/maven.config').text = options
    }

    /** Starts the server; returns its base URL. */
    private String serve(File basedir, String provider) {
        File requests = new File(basedir.parentFile, basedir.name + '-requests.log')
        requests.text = ''
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
        server.createContext('/', { HttpExchange ex ->
            String body = ex.requestBody.getText('UTF-8')
            synchronized (requests) {
                requests << ex.requestMethod + ' ' + ex.requestURI.path + '\n'
                ex.requestHeaders.each { k, v -> requests << k + ': ' + v.join(',') + '\n' }
                requests << body + '\n----\n'
            }
            String reply = provider == 'anthropic'
                ? JsonOutput.toJson([id: 'm', type: 'message', role: 'assistant', model: 'fake',
                    content: [[type: 'text', text: ANSWER]], stop_reason: 'end_turn',
                    usage: [input_tokens: 100, output_tokens: 50]])
                : JsonOutput.toJson([id: 'c', object: 'chat.completion', created: 1, model: 'fake',
                    choices: [[index: 0, message: [role: 'assistant', content: ANSWER], finish_reason: 'stop']],
                    usage: [prompt_tokens: 100, completion_tokens: 50, total_tokens: 150]])
            byte[] bytes = reply.getBytes('UTF-8')
            ex.responseHeaders.add('Content-Type', 'application/json')
            ex.sendResponseHeaders(200, bytes.length)
            ex.responseBody.withStream { it.write(bytes) }
        } as HttpHandler)
        server.start()
        System.properties.put('fake-model.' + basedir.name, server)
        return 'http://127.0.0.1:' + server.address.port + (provider == 'anthropic' ? '' : '/v1')
    }

    /** Stops the fake; returns what it received (requests with headers and bodies). */
    String stop(File basedir) {
        HttpServer server = (HttpServer) System.properties.remove('fake-model.' + basedir.name)
        server?.stop(0)
        return new File(basedir.parentFile, basedir.name + '-requests.log').text
    }
}
new FakeModel()
