package com.example.shop.model;

/** Where an order is in its life. */
public enum Status {
    NEW,
    PAID,
    SHIPPED,
    /** Cancelled by the customer or the shop. */
    CANCELLED
}
