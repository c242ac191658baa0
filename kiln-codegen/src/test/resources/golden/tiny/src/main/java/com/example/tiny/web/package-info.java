/** Web support shared by every resource: errors as RFC 9457 problem details, ETags, merge patch and paging. */
package com.example.tiny.web;
