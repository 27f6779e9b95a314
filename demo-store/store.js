/*
 * Maison Lumière, the demo store: a catalogue, a cart kept in localStorage, and the
 * Comptoir integration a real store would write (see docs/integration.md):
 *   - Comptoir.cart(...) after every change to the cart, and once per page load;
 *   - Comptoir.onDiscount(...) applies a code the shopper accepted in the chat;
 *   - Comptoir.identify(...) for a signed-in customer (added by the server, ?customer=1).
 * Plain JavaScript, no build step, like a theme's own script.
 */
(function () {
  'use strict';

  var CART_KEY = 'maison-lumiere:cart';
  var CURRENCY = 'EUR';
  var FREE_DELIVERY_FROM = 80;
  var DELIVERY = 6.9;
  var money = new Intl.NumberFormat('en-IE', { style: 'currency', currency: CURRENCY });

  // ---- Comptoir -----------------------------------------------------------------------

  /** The loader is async: call `fn` once window.Comptoir is there. */
  function withComptoir(fn) {
    if (window.Comptoir) fn(window.Comptoir);
    else
      document.addEventListener(
        'comptoir:ready',
        function () {
          fn(window.Comptoir);
        },
        { once: true },
      );
  }

  /** Tells the chat what is in the cart (the merchant sees the changes in the conversation). */
  function reportCart() {
    withComptoir(function (comptoir) {
      comptoir.cart({
        items: cart.lines.map(function (line) {
          return {
            id: line.id,
            name: line.name,
            variant: line.variant,
            quantity: line.quantity,
            unitPrice: line.unitPrice,
          };
        }),
        subtotal: subtotal(),
        currency: CURRENCY,
      });
    });
  }

  // A code the shopper applied in the chat: this store applies it to its own cart.
  withComptoir(function (comptoir) {
    comptoir.onDiscount(function (discount) {
      cart.discount = { code: discount.code, kind: discount.kind, value: discount.value };
      save();
      notice('Code ' + discount.code + ' applied to your cart.');
    });
  });

  // ---- The cart -----------------------------------------------------------------------

  var cart = load();

  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(CART_KEY) || 'null');
      if (saved && Array.isArray(saved.lines)) return saved;
    } catch {
      // a damaged cart starts afresh
    }
    return { lines: [], discount: null };
  }

  function save() {
    localStorage.setItem(CART_KEY, JSON.stringify(cart));
    render();
    reportCart();
  }

  function subtotal() {
    return round(
      cart.lines.reduce(function (sum, l) {
        return sum + l.quantity * l.unitPrice;
      }, 0),
    );
  }

  function discountAmount() {
    var d = cart.discount;
    if (!d || cart.lines.length === 0) return 0;
    if (d.kind === 'percentage') return round((subtotal() * d.value) / 100);
    if (d.kind === 'fixed-amount') return Math.min(d.value, subtotal());
    return 0;
  }

  function delivery() {
    if (cart.lines.length === 0) return 0;
    if (cart.discount && cart.discount.kind === 'free-shipping') return 0;
    return subtotal() >= FREE_DELIVERY_FROM ? 0 : DELIVERY;
  }

  function total() {
    return round(subtotal() - discountAmount() + delivery());
  }

  function round(n) {
    return Math.round(n * 100) / 100;
  }

  function itemCount() {
    return cart.lines.reduce(function (n, l) {
      return n + l.quantity;
    }, 0);
  }

  function add(product, variant, quantity) {
    var id = variant ? product.id + '-' + slug(variant) : product.id;
    var line = cart.lines.find(function (l) {
      return l.id === id;
    });
    if (line) line.quantity += quantity;
    else {
      cart.lines.push({
        id: id,
        productId: product.id,
        name: product.name,
        variant: variant || null,
        quantity: quantity,
        unitPrice: product.price,
        image: product.image,
      });
    }
    save();
  }

  function setQuantity(id, quantity) {
    cart.lines = cart.lines
      .map(function (l) {
        return l.id === id ? Object.assign({}, l, { quantity: quantity }) : l;
      })
      .filter(function (l) {
        return l.quantity > 0;
      });
    save();
  }

  function slug(text) {
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  }

  // ---- Pages --------------------------------------------------------------------------

  var catalog = null;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k.indexOf('on') === 0) node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c) node.append(c);
    });
    return node;
  }

  function productUrl(product) {
    return '/product.html?id=' + encodeURIComponent(product.id);
  }

  function renderHeader() {
    document.querySelectorAll('[data-cart-count]').forEach(function (node) {
      node.textContent = String(itemCount());
    });
  }

  function renderGrid(grid) {
    grid.replaceChildren.apply(
      grid,
      catalog.products.map(function (p) {
        return el('a', { class: 'product', href: productUrl(p) }, [
          el('img', { class: 'art', src: p.image, alt: '' }),
          el('h3', { text: p.name }),
          el('span', { class: 'price', text: money.format(p.price) }),
        ]);
      }),
    );
  }

  function renderProduct(main) {
    var id = new URLSearchParams(location.search).get('id') || 'opaline';
    var product =
      catalog.products.find(function (p) {
        return p.id === id;
      }) || catalog.products[0];
    document.title = product.name + ' — Maison Lumière';
    var variant = el('select', { id: 'variant', name: 'variant' });
    product.variants.forEach(function (v) {
      variant.append(el('option', { value: v, text: v }));
    });
    var quantity = el('input', {
      id: 'quantity',
      type: 'number',
      min: '1',
      max: '20',
      value: '1',
      inputmode: 'numeric',
    });
    var added = el('p', { class: 'added', role: 'status' });
    var form = el('form', { class: 'buy' }, [
      product.variants.length
        ? el('div', { class: 'field' }, [el('label', { for: 'variant', text: 'Finish' }), variant])
        : null,
      el('div', { class: 'field' }, [el('label', { for: 'quantity', text: 'Quantity' }), quantity]),
      el('button', { class: 'button', type: 'submit', text: 'Add to cart' }),
      added,
    ]);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var n = Math.max(1, Math.min(20, parseInt(quantity.value, 10) || 1));
      add(product, product.variants.length ? variant.value : null, n);
      added.replaceChildren(
        'Added to your cart. ',
        el('a', { href: '/cart.html', text: 'View cart' }),
      );
    });
    main.replaceChildren(
      el('img', { class: 'hero-art', src: product.image, alt: product.name }),
      el('div', {}, [
        el('p', { class: 'crumbs' }, [el('a', { href: '/', text: 'Lamps' }), ' / ' + product.name]),
        el('h1', { text: product.name }),
        el('p', {
          class: 'price',
          text: money.format(product.price) + ' · in stock, ships in 2 days',
        }),
        el('p', { text: product.description }),
        form,
      ]),
    );
  }

  function renderCart(main) {
    if (cart.lines.length === 0) {
      main.replaceChildren(
        el('h1', { text: 'Your cart' }),
        el('p', { class: 'empty', text: 'Your cart is empty.' }),
        el('a', { class: 'button', href: '/', text: 'Browse the lamps' }),
      );
      return;
    }
    var lines = el(
      'ul',
      { class: 'lines', 'aria-label': 'Items' },
      cart.lines.map(function (l) {
        return el('li', { class: 'line' }, [
          el('img', { src: l.image, alt: '' }),
          el('div', { class: 'line-name' }, [
            el('a', { href: '/product.html?id=' + encodeURIComponent(l.productId), text: l.name }),
            l.variant ? el('small', { text: l.variant }) : null,
          ]),
          el('div', { class: 'stepper', role: 'group', 'aria-label': 'Quantity of ' + l.name }, [
            el('button', {
              type: 'button',
              'aria-label': 'One less',
              text: '−',
              onclick: function () {
                setQuantity(l.id, l.quantity - 1);
              },
            }),
            el('span', { text: String(l.quantity) }),
            el('button', {
              type: 'button',
              'aria-label': 'One more',
              text: '+',
              onclick: function () {
                setQuantity(l.id, l.quantity + 1);
              },
            }),
          ]),
          el('span', { class: 'line-price', text: money.format(l.quantity * l.unitPrice) }),
          el('button', {
            type: 'button',
            class: 'remove',
            text: 'Remove',
            onclick: function () {
              setQuantity(l.id, 0);
            },
          }),
        ]);
      }),
    );
    var rows = [['Subtotal', money.format(subtotal())]];
    if (cart.discount) {
      rows.push([
        'Discount ' + cart.discount.code,
        cart.discount.kind === 'free-shipping'
          ? 'Free delivery'
          : '−' + money.format(discountAmount()),
      ]);
    }
    rows.push(['Delivery', delivery() === 0 ? 'Free' : money.format(delivery())]);
    var summary = el('aside', { class: 'summary', 'aria-label': 'Order summary' }, [
      el(
        'dl',
        {},
        rows.reduce(function (all, r) {
          return all.concat([el('dt', { text: r[0] }), el('dd', { text: r[1] })]);
        }, []),
      ),
      el('p', { class: 'total' }, [
        el('span', { text: 'Total' }),
        el('strong', { 'data-total': '', text: money.format(total()) }),
      ]),
      el('button', { class: 'button wide', type: 'button', disabled: '', text: 'Checkout' }),
      el('p', {
        class: 'hint',
        text: cart.discount
          ? 'Your code is applied.'
          : 'Got a code in the chat? Press Apply there: it lands here.',
      }),
    ]);
    main.replaceChildren(
      el('h1', { text: 'Your cart' }),
      el('div', { class: 'cart-layout' }, [lines, summary]),
    );
  }

  function render() {
    renderHeader();
    if (!catalog) return;
    var grid = document.querySelector('[data-product-grid]');
    if (grid) renderGrid(grid);
    var detail = document.querySelector('[data-product-detail]');
    if (detail && !detail.dataset.rendered) {
      detail.dataset.rendered = '1';
      renderProduct(detail);
    }
    var cartPage = document.querySelector('[data-cart]');
    if (cartPage) renderCart(cartPage);
  }

  function notice(text) {
    var box =
      document.querySelector('.notice') ||
      document.body.appendChild(el('div', { class: 'notice', role: 'status' }));
    box.textContent = text;
    box.classList.add('shown');
    setTimeout(function () {
      box.classList.remove('shown');
    }, 4000);
  }

  fetch('/catalog.json')
    .then(function (r) {
      return r.json();
    })
    .then(function (data) {
      catalog = data;
      render();
    });
  renderHeader();
  // Every page reports the cart once: the chat compares it with what it last sent.
  reportCart();

  // Another tab changed the cart: show it here too.
  window.addEventListener('storage', function (event) {
    if (event.key !== CART_KEY) return;
    cart = load();
    render();
  });
})();
