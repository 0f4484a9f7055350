package org.r.p2;

import org.r.p1.Alpha;

/** Uses {@link Alpha}. */
public class Beta {
    public Alpha alpha() {
        return new Alpha();
    }
}
