package io.github.reversespec.core;

/**
 * The run was configured in a way it cannot honour (a setting out of range, a checkpoint path
 * outside {@code specs/}). Raised before any work is done; the message names the setting and
 * what to do.
 */
public final class ConfigurationException extends Exception {

    public ConfigurationException(String message) {
        super(message);
    }
}
