package com.example.shop.service;

import com.example.shop.model.Order;
import com.example.shop.model.Status;
import java.util.List;

class OrderServiceTest {

    @org.junit.jupiter.api.Test
    void placesAnOrder() {
        new OrderService().place(new Order("1", "ann", List.of("book"), Status.NEW));
    }
}
