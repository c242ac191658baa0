package com.example.tiny;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the tiny service.
 */
@SpringBootApplication
public class TinyApplication {
    public static void main(String[] args) {
        SpringApplication.run(TinyApplication.class, args);
    }
}
