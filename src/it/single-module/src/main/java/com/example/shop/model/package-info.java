/**
 * The shop's data: orders and their states. Values only, no behaviour beyond validation.
 */
package com.example.shop.model;
