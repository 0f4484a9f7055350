package com.example.shop.util;

import java.math.BigDecimal;

/** Money arithmetic in one currency. */
public final class Money {

    private Money() {}

    /**
     * Adds two amounts. Both must be non-negative.
     *
     * @throws ArithmeticException when an amount is negative
     */
    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (a.signum() < 0 || b.signum() < 0) {
            throw new ArithmeticException("negative amount");
        }
        return a.add(b);
    }

    /** @deprecated use {@link #add(BigDecimal, BigDecimal)} */
    @Deprecated
    public static double addDoubles(double a, double b) {
        return a + b;
    }
}
