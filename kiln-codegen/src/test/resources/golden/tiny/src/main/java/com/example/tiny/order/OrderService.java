package com.example.tiny.order;

import com.example.tiny.customer.Customer;
import com.example.tiny.customer.CustomerRepository;
import com.example.tiny.web.BadRequestException;
import com.example.tiny.web.ETags;
import com.example.tiny.web.MergePatcher;
import com.example.tiny.web.NotFoundException;
import com.example.tiny.web.PageResponse;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Reads and changes {@link Order} rows for the API.
 */
@Service
@Transactional(
        readOnly = true
)
public class OrderService {
    private final OrderRepository repository;

    private final CustomerRepository customerRepository;

    private final MergePatcher mergePatcher;

    private final OrderServiceCustomizer customizer;

    public OrderService(OrderRepository repository, CustomerRepository customerRepository,
            MergePatcher mergePatcher, OrderServiceCustomizer customizer) {
        this.repository = repository;
        this.customerRepository = customerRepository;
        this.mergePatcher = mergePatcher;
        this.customizer = customizer;
    }

    public PageResponse<OrderResponse> list(OrderFilter filter, Pageable pageable) {
        return PageResponse.of(repository.findAll(filter.toSpecification(), pageable), OrderResponse::from);
    }

    /**
     * Lists the rows whose {@code customer} is the given Customer: the sub-resource {@code /api/customers/{id}/orders}.
     */
    public PageResponse<OrderResponse> listByCustomer(long parentId, Pageable pageable) {
        if (!customerRepository.existsById(parentId)) {
            throw new NotFoundException("Customer", parentId);
        }
        OrderFilter filter = new OrderFilter(null, null, parentId);
        return PageResponse.of(repository.findAll(filter.toSpecification(), pageable), OrderResponse::from);
    }

    public OrderResponse get(long id) {
        return OrderResponse.from(find(id));
    }

    @Transactional
    public OrderResponse create(OrderRequest request) {
        Order order = new Order();
        apply(request, order);
        customizer.beforeCreate(order);
        return OrderResponse.from(repository.saveAndFlush(order));
    }

    @Transactional
    public OrderResponse update(long id, OrderRequest request, String ifMatch) {
        Order order = find(id);
        ETags.checkIfMatch(ifMatch, order.getVersion());
        apply(request, order);
        customizer.beforeUpdate(order);
        return OrderResponse.from(repository.saveAndFlush(order));
    }

    @Transactional
    public OrderResponse patch(long id, JsonNode patch, String ifMatch) {
        Order order = find(id);
        ETags.checkIfMatch(ifMatch, order.getVersion());
        apply(mergePatcher.apply(OrderRequest.from(order), patch, OrderRequest.class), order);
        customizer.beforeUpdate(order);
        return OrderResponse.from(repository.saveAndFlush(order));
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        Order order = find(id);
        ETags.checkIfMatch(ifMatch, order.getVersion());
        customizer.beforeDelete(order);
        repository.delete(order);
        repository.flush();
    }

    private Order find(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("Order", id));
    }

    private void apply(OrderRequest request, Order order) {
        order.setFrom(request.from());
        order.setQuantity(request.quantity());
        order.setCustomer(resolveCustomer(request.customerId()));
    }

    private Customer resolveCustomer(Long id) {
        return customerRepository.findById(id).orElseThrow(() -> new BadRequestException("customerId", "Customer " + id + " does not exist"));
    }
}
