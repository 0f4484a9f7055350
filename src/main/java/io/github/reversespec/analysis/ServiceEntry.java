package io.github.reversespec.analysis;

/**
 * One provider line of a {@code META-INF/services/<service>} file in a project's resources: the
 * {@link java.util.ServiceLoader} registration of an implementation.
 *
 * @param service the qualified name of the service (the file's name)
 * @param provider the qualified name of the provider class, nested classes with {@code .} (the
 *     file's {@code $} replaced)
 * @param file the services file relative to the execution root, '/'-separated
 * @param line the provider's line in that file
 */
public record ServiceEntry(String service, String provider, String file, int line) {}
