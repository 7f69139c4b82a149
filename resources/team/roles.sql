-- Trade CRM team server: the two group roles every book on this server grants its rights to.
-- Run once per server by its administrator (a superuser, or a login with CREATEROLE); safe to run again.
-- `trade-crm team setup` runs this same file. Salespeople's logins are members of trade_crm_sales,
-- managers' of both groups; the schema steps of the app grant the tables to the groups (store/pg_access.py).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'trade_crm_sales') THEN
        CREATE ROLE trade_crm_sales NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'trade_crm_managers') THEN
        CREATE ROLE trade_crm_managers NOLOGIN;
    END IF;
END $$
