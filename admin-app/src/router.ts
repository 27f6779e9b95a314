import { createRouter, createWebHistory } from 'vue-router';
import { getCurrentUser } from 'vuefire';

declare module 'vue-router' {
  interface RouteMeta {
    /** Signed-out visitors are sent to the sign-in page. */
    requiresAuth?: boolean;
    title?: string;
  }
}

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    {
      path: '/login',
      name: 'login',
      component: () => import('./pages/LoginPage.vue'),
      meta: { title: 'Comptoir — Sign in' },
    },
    {
      path: '/',
      name: 'inbox',
      component: () => import('./pages/InboxPage.vue'),
      meta: { requiresAuth: true, title: 'Comptoir — Inbox' },
    },
    {
      // A link to one conversation (a desktop notification, an email): opens its window.
      path: '/conversations/:id',
      name: 'conversation',
      component: () => import('./pages/InboxPage.vue'),
      meta: { requiresAuth: true, title: 'Comptoir — Inbox' },
      props: true,
    },
    {
      path: '/messages',
      name: 'messages',
      component: () => import('./pages/OfflineMessagesPage.vue'),
      meta: { requiresAuth: true, title: 'Comptoir — Offline messages' },
    },
    {
      path: '/history',
      name: 'history',
      component: () => import('./pages/HistoryPage.vue'),
      meta: { requiresAuth: true, title: 'Comptoir — History' },
    },
    {
      path: '/settings',
      name: 'settings',
      component: () => import('./pages/SettingsPage.vue'),
      meta: { requiresAuth: true, title: 'Comptoir — Settings' },
    },
    {
      path: '/team',
      name: 'team',
      component: () => import('./pages/TeamPage.vue'),
      meta: { requiresAuth: true, title: 'Comptoir — Team' },
    },
    {
      // Opened from an invitation email, signed in or not: the page signs the invitee in.
      path: '/join',
      name: 'join',
      component: () => import('./pages/JoinPage.vue'),
      meta: { title: 'Comptoir — Join a store' },
    },
    {
      path: '/install',
      name: 'install',
      component: () => import('./pages/InstallPage.vue'),
      meta: { requiresAuth: true, title: 'Comptoir — Install' },
    },
    {
      path: '/discounts',
      name: 'discounts',
      component: () => import('./pages/DiscountsPage.vue'),
      meta: { requiresAuth: true, title: 'Comptoir — Discounts' },
    },
    {
      path: '/products',
      name: 'products',
      component: () => import('./pages/ProductsPage.vue'),
      meta: { requiresAuth: true, title: 'Comptoir — Products' },
    },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

router.beforeEach(async (to) => {
  // Until Firebase has restored the session, `currentUser` is null even for a signed-in
  // operator: deciding before that would bounce every reload through the sign-in page.
  const user = await getCurrentUser();
  if (to.meta.requiresAuth && !user) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  }
  if (to.name === 'login' && user) return { path: '/' };
  return true;
});

// The tab title is set in App.vue, from the route's title and the unread count.
