package io.github.reversespec.batch;

import java.nio.file.Path;

/**
 * Holds the run lock of {@code <specsDir>/.reverse-spec} in a process of its own, as a running
 * batch would, until its standard input closes or it is killed. Prints {@code locked} once held.
 */
public final class LockHolderMain {

    private LockHolderMain() {}

    public static void main(String[] args) throws Exception {
        try (RunLock lock = RunLock.exclusive(Path.of(args[0]).resolve(RunLock.WORK_DIR), "batch")) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our input
            }
        }
    }
}
