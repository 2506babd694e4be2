require('dotenv').config();

const express = require('express');
const { products } = require('./products');
const { orders } = require('./orders');
const { requireUser } = require('./auth');

const app = express();
app.use(express.json());

app.get('/', (req, res) => res.send('gappy-shop is up'));
app.use('/products', products);
app.use('/orders', requireUser, orders);

app.use((err, req, res, next) => {
  console.log(err);
  res.status(500).json({ error: err.message });
});

const port = process.env.PORT || 3000;
app.listen(port, () => console.log(`listening on ${port}`));
