/** The data warehouse's pure core: the views BI tools read, which closed days to export or check, row checksums. */
package cc.warehouse.domain;
