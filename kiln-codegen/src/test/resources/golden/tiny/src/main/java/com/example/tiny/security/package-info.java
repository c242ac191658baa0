/** Security of the service (features.auth: oauth2): who may call which endpoint with which scope. */
package com.example.tiny.security;
