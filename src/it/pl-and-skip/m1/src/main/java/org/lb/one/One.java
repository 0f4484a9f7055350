package org.lb.one;

import org.lb.two.Two;

/** The first module's only type, built on the second module. */
public class One {
    public Two two() {
        return new Two();
    }
}
