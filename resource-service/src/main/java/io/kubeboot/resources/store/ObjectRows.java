package io.kubeboot.resources.store;

import org.springframework.data.jpa.repository.JpaRepository;

interface ObjectRows extends JpaRepository<ObjectRow, ObjectId> {
}
