package io.github.reversespec.graph;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells the JDK's packages from everything else by asking the running JDK which packages its
 * modules hold, instead of guessing from a prefix: {@code javax.money} and {@code javax.inject}
 * are libraries, while {@code org.w3c.dom} ({@code java.xml}), {@code jdk.jfr} and {@code sun.misc}
 * ({@code jdk.unsupported}) are the JDK.
 *
 * <p>The modules come from the system image ({@link ModuleFinder#ofSystem()}), not from the boot
 * layer: the boot layer holds only the modules this JVM resolved at startup, which depends on how
 * Maven was launched, while the image holds all of them. Every package of a {@code java.*} or
 * {@code jdk.*} module counts, exported or not: an import of {@code sun.nio.ch} is a dependency
 * on the JDK, if an unsupported one. The set is built once, on first use, by the JVM's class
 * initialisation (thread-safe), so each question is one set lookup.
 */
public final class JdkPackages {

    private JdkPackages() {}

    /**
     * Whether a package belongs to the running JDK.
     *
     * @param packageName a dotted package name
     * @return true for a package of a {@code java.*} or {@code jdk.*} module of the runtime, and
     *     for any {@code java.*} package (which only the JDK may define)
     */
    public static boolean contains(String packageName) {
        return packageName.startsWith("java.") || Holder.PACKAGES.contains(packageName);
    }

    /** The lazily built set: loaded when {@link #contains} first needs it. */
    private static final class Holder {
        static final Set<String> PACKAGES = load();
    }

    private static Set<String> load() {
        Set<String> packages = new HashSet<>(2048);
        for (ModuleReference module : ModuleFinder.ofSystem().findAll()) {
            ModuleDescriptor descriptor = module.descriptor();
            String name = descriptor.name();
            if (name.startsWith("java.") || name.startsWith("jdk.")) {
                packages.addAll(descriptor.packages());
            }
        }
        return Set.copyOf(packages);
    }
}
