import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { VueFire, VueFireAuthOptionsFromAuth } from 'vuefire';
import App from './App.vue';
import { auth, firebaseApp } from './firebase';
import { router } from './router';
import './styles/base.css';

const app = createApp(App);

// VueFire must be installed before the router: the first navigation guard awaits
// getCurrentUser(), which needs the auth module to be registered.
app.use(VueFire, { firebaseApp, modules: [VueFireAuthOptionsFromAuth({ auth })] });
app.use(createPinia());
app.use(router);

app.mount('#app');
