package com.example.tiny.customer;

import com.example.tiny.order.OrderFilter;
import com.example.tiny.order.OrderResponse;
import com.example.tiny.order.OrderService;
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
 * REST resource {@code /api/customers}.
 */
@RestController
@RequestMapping("/api/customers")
public class CustomerController {
    private final CustomerService service;

    private final OrderService orderService;

    public CustomerController(CustomerService service, OrderService orderService) {
        this.service = service;
        this.orderService = orderService;
    }

    @GetMapping
    public PageResponse<CustomerResponse> listCustomers(
            @Valid @ParameterObject CustomerFilter filter, @Valid @ParameterObject PageQuery page) {
        return service.list(filter, page.toPageable(CustomerFilter.SORTABLE));
    }

    @GetMapping("/{id}")
    public ResponseEntity<CustomerResponse> getCustomer(@PathVariable long id) {
        return withETag(ResponseEntity.ok(), service.get(id));
    }

    @PostMapping(
            consumes = MediaType.APPLICATION_JSON_VALUE
    )
    public ResponseEntity<CustomerResponse> createCustomer(
            @Valid @RequestBody CustomerRequest request) {
        CustomerResponse created = service.create(request);
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return withETag(ResponseEntity.created(location), created);
    }

    @PutMapping(
            path = "/{id}",
            consumes = MediaType.APPLICATION_JSON_VALUE
    )
    public ResponseEntity<CustomerResponse> replaceCustomer(@PathVariable long id,
            @Valid @RequestBody CustomerRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), service.update(id, request, ifMatch));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = MergePatcher.MEDIA_TYPE
    )
    public ResponseEntity<CustomerResponse> patchCustomer(@PathVariable long id,
            @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), service.patch(id, patch, ifMatch));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> deleteCustomer(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        service.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    /**
     * Lists the orders whose {@code customer} is this Customer.
     */
    @GetMapping("/{id}/orders")
    public PageResponse<OrderResponse> listOrdersOfCustomer(@PathVariable long id,
            @Valid @ParameterObject PageQuery page) {
        return orderService.listByCustomer(id, page.toPageable(OrderFilter.SORTABLE));
    }

    private static ResponseEntity<CustomerResponse> withETag(ResponseEntity.BodyBuilder builder,
            CustomerResponse body) {
        return builder.eTag(ETags.of(body.version())).body(body);
    }
}
