package com.example.tiny.order;

import com.example.tiny.web.ETags;
import com.example.tiny.web.MergePatcher;
import com.example.tiny.web.PageQuery;
import com.example.tiny.web.PageResponse;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * REST resource {@code /api/orders}.
 */
@RestController
@RequestMapping("/api/orders")
public class OrderController {
    private final OrderService service;

    public OrderController(OrderService service) {
        this.service = service;
    }

    @GetMapping
    public PageResponse<OrderResponse> listOrders(@Valid @ParameterObject OrderFilter filter,
            @Valid @ParameterObject PageQuery page) {
        return service.list(filter, page.toPageable(OrderFilter.SORTABLE));
    }

    @GetMapping("/{id}")
    public ResponseEntity<OrderResponse> getOrder(@PathVariable long id) {
        return withETag(ResponseEntity.ok(), service.get(id));
    }

    @PostMapping(
            consumes = MediaType.APPLICATION_JSON_VALUE
    )
    public ResponseEntity<OrderResponse> createOrder(@Valid @RequestBody OrderRequest request) {
        OrderResponse created = service.create(request);
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return withETag(ResponseEntity.created(location), created);
    }

    @PutMapping(
            path = "/{id}",
            consumes = MediaType.APPLICATION_JSON_VALUE
    )
    public ResponseEntity<OrderResponse> replaceOrder(@PathVariable long id,
            @Valid @RequestBody OrderRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), service.update(id, request, ifMatch));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = MergePatcher.MEDIA_TYPE
    )
    public ResponseEntity<OrderResponse> patchOrder(@PathVariable long id,
            @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), service.patch(id, patch, ifMatch));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> deleteOrder(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        service.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<OrderResponse> withETag(ResponseEntity.BodyBuilder builder,
            OrderResponse body) {
        return builder.eTag(ETags.of(body.version())).body(body);
    }
}
