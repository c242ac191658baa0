/** Request rate limits: Bucket4j token buckets per caller, in memory or in PostgreSQL. */
package com.example.tiny.ratelimit;
