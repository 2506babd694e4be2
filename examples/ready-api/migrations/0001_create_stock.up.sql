CREATE TABLE stock (
    sku        text        PRIMARY KEY,
    quantity   integer     NOT NULL CHECK (quantity >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
);
