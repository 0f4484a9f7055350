package com.example.shop.model;

import java.util.List;
import java.util.Objects;

/** An order placed by a customer. Immutable. */
public record Order(String id, String customer, List<String> items, Status status) {

    public Order {
        Objects.requireNonNull(id, "id");
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one item");
        }
        items = List.copyOf(items);
    }

    /** Returns a copy of this order in the given state. */
    public Order withStatus(Status next) {
        return new Order(id, customer, items, next);
    }
}
