package com.example.tiny.customer;

import com.example.tiny.web.ETags;
import com.example.tiny.web.MergePatcher;
import com.example.tiny.web.NotFoundException;
import com.example.tiny.web.PageResponse;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Reads and changes {@link Customer} rows for the API.
 */
@Service
@Transactional(
        readOnly = true
)
public class CustomerService {
    private final CustomerRepository repository;

    private final MergePatcher mergePatcher;

    private final CustomerServiceCustomizer customizer;

    public CustomerService(CustomerRepository repository, MergePatcher mergePatcher,
            CustomerServiceCustomizer customizer) {
        this.repository = repository;
        this.mergePatcher = mergePatcher;
        this.customizer = customizer;
    }

    public PageResponse<CustomerResponse> list(CustomerFilter filter, Pageable pageable) {
        return PageResponse.of(repository.findAll(filter.toSpecification(), pageable), CustomerResponse::from);
    }

    public CustomerResponse get(long id) {
        return CustomerResponse.from(find(id));
    }

    @Transactional
    public CustomerResponse create(CustomerRequest request) {
        Customer customer = new Customer();
        apply(request, customer);
        customizer.beforeCreate(customer);
        return CustomerResponse.from(repository.saveAndFlush(customer));
    }

    @Transactional
    public CustomerResponse update(long id, CustomerRequest request, String ifMatch) {
        Customer customer = find(id);
        ETags.checkIfMatch(ifMatch, customer.getVersion());
        apply(request, customer);
        customizer.beforeUpdate(customer);
        return CustomerResponse.from(repository.saveAndFlush(customer));
    }

    @Transactional
    public CustomerResponse patch(long id, JsonNode patch, String ifMatch) {
        Customer customer = find(id);
        ETags.checkIfMatch(ifMatch, customer.getVersion());
        apply(mergePatcher.apply(CustomerRequest.from(customer), patch, CustomerRequest.class), customer);
        customizer.beforeUpdate(customer);
        return CustomerResponse.from(repository.saveAndFlush(customer));
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        Customer customer = find(id);
        ETags.checkIfMatch(ifMatch, customer.getVersion());
        customizer.beforeDelete(customer);
        repository.delete(customer);
        repository.flush();
    }

    private Customer find(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    private void apply(CustomerRequest request, Customer customer) {
        customer.setEmail(request.email());
        customer.setPasswordHash(request.passwordHash());
        customer.setTier(request.tier() != null ? request.tier() : CustomerTier.FREE);
    }
}
