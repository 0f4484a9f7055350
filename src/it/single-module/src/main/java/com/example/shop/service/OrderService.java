package com.example.shop.service;

import com.example.shop.model.Order;
import com.example.shop.model.Status;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** Places and cancels orders. Not thread-safe. */
public class OrderService {

    private final Map<String, Order> orders = new HashMap<>();

    /** Places an order; fails when its id is taken. */
    public Order place(Order order) {
        if (orders.containsKey(order.id())) {
            throw new IllegalStateException("duplicate order " + order.id());
        }
        orders.put(order.id(), order);
        return order;
    }

    /** Cancels an order. */
    public Order cancel(String id) throws IOException {
        // TODO persist cancellations instead of keeping them in memory
        Order cancelled = orders.get(id).withStatus(Status.CANCELLED);
        orders.put(id, cancelled);
        return cancelled;
    }

    /** Total of the given prices. */
    protected BigDecimal total(BigDecimal a, BigDecimal b) {
        return com.example.shop.util.Money.add(a, b);
    }
}
